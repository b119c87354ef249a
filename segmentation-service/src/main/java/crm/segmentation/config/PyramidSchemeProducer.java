package crm.segmentation.config;

import crm.segmentation.domain.PyramidScheme;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** The configured pyramid, checked once at start-up (percentages add up to 100, names are valid). */
public class PyramidSchemeProducer {

    @Produces
    @Singleton
    PyramidScheme scheme(PyramidConfig config) {
        return new PyramidScheme(PyramidScheme.Metric.valueOf(config.metric().name()),
                config.levels().stream().map(l -> new PyramidScheme.Cut(l.name(), l.percent())).toList(),
                config.nonPositiveMarginLevel());
    }
}
