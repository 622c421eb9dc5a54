package org.ordercycle.contact.segment;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A segment as CSV (RFC 4180: comma separated, CRLF, fields quoted when needed), with a header line. */
final class SegmentCsv {

    private static final String HEADER = "id,kind,name,classification,tier,accountOwner,lastOrderAt,value,currency,"
            + "email,phone,street,postalCode,city,country";

    private SegmentCsv() {
    }

    static String of(List<SegmentMember> members) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SegmentMember member : members) {
            csv.append(Stream.of(member.id(), member.kind(), member.name(), member.classification(), member.tier(),
                    member.accountOwner(), member.lastOrderAt(), member.value() == null ? null : member.value().toPlainString(),
                    member.currency(), member.email(), member.phone(), member.street(), member.postalCode(),
                    member.city(), member.country())
                    .map(SegmentCsv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // a leading = + - @ would be a formula in a spreadsheet: quoted and prefixed, it stays text
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("[+-]?[0-9.]+")) {
            text = "'" + text;
        }
        return text.matches(".*[,\"\r\n'].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
