package crm.experience.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of a journey; its place in the journey is its position in {@link Journey#touchPoints}. */
@Embeddable
public class TouchPoint {

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Need need;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BrandType brandType;
}
