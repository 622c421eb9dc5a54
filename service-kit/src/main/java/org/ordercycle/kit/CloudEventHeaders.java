package org.ordercycle.kit;

/**
 * Kafka header names of CloudEvents 1.0 in binary mode (the record value is the event's JSON), plus the
 * tracing and correlation headers every OrderCycle event carries.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /** CloudEvents extension attribute: the id that ties every event of one business flow together (the order id). */
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
