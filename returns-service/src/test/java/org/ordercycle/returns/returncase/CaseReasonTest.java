package org.ordercycle.returns.returncase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseReasonTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "damaged in transit          | DAMAGED",
        "Box arrived DAMAGED         | DAMAGED",
        "wrong colour delivered      | WRONG_ITEM",
        "defective motor             | DEFECTIVE",
        "it is broken                | DEFECTIVE",
        "does not work at all        | DEFECTIVE",
        "not as agreed in the offer  | NOT_AS_AGREED",
        "customer changed their mind | CHANGED_MIND",
        "too many                    | NONE",
        "load test                   | NONE",
    })
    void freeTextNamesTheReasonItsWordsSay(String text, CaseReason expected) {
        assertThat(CaseReason.namedIn(text).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"DAMAGED, true", "CHANGED_MIND, true", "LATE_DELIVERY, false", "MISSING_PART, false",
        "SERVICE_NOT_AS_AGREED, false"})
    void claimReasonsHaveNoGoods(CaseReason reason, boolean goods) {
        assertThat(reason.goods()).isEqualTo(goods);
    }
}
