package org.ordercycle.kit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void aMissingOrMalformedUuidIsABadRequestNamingTheParameter() {
        UUID id = UUID.randomUUID();
        assertThat(QueryParams.requiredUuid("customerId", id.toString())).isEqualTo(id);
        for (String bad : new String[] {null, " ", "not-a-uuid"}) {
            assertThatThrownBy(() -> QueryParams.requiredUuid("customerId", bad))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.problem().status()).isEqualTo(400);
                        assertThat(problem.problem().violations()).extracting(Problem.Violation::field)
                                .containsExactly("customerId");
                    });
        }
    }
}
