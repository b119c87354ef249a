package crm.segmentation.config;

import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured pyramid, checked once at start-up (percentages add up to 100, names are valid). */
public class PyramidSchemeProducer {

    @Produces
    @Singleton
    PyramidScheme scheme(PyramidConfig config) {
        return new PyramidScheme(PyramidScheme.Metric.valueOf(config.metric().name()),
                config.levels().stream().map(PyramidSchemeProducer::cut).toList(),
                config.nonPositiveMarginLevel());
    }

    private static PyramidScheme.Cut cut(String level) {
        String[] parts = level.strip().split(":");
        try {
            return new PyramidScheme.Cut(parts[0].strip(), Integer.parseInt(parts[1].strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("crm.segmentation.pyramid.levels: '" + level + "' is not NAME:PERCENT", e);
        }
    }
}
