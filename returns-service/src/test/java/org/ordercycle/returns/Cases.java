package org.ordercycle.returns;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ordercycle.events.EventJson;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

/** Calls on the returns API as the returns department, and what returns published. */
public final class Cases {

    public static final String RETURNS = TestInfra.jwt().token("rita", Duration.ofHours(1), "returns");
    public static final String RETURNS_MANAGER = TestInfra.jwt().token("ralf", Duration.ofHours(1), "returns");

    private Cases() {
    }

    public static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static ValidatableResponse post(String path, String body) {
        return post(RETURNS, path, body);
    }

    public static ValidatableResponse get(String path) {
        return given().auth().oauth2(RETURNS).get(path).then();
    }

    /** The records of one key on a topic, once they satisfy what the test waits for. */
    public static List<ConsumerRecord<String, String>> recordsOf(String topic, UUID key,
            Predicate<List<String>> until) {
        return await().atMost(30, SECONDS).until(() -> TopicClient.readAll(topic).stream()
                .filter(record -> key.toString().equals(record.key())).toList(), found -> until.test(types(found)));
    }

    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> TopicClient.header(record, "ce_type")).toList();
    }

    /** The events of that type among the records, read as their records. */
    public static <T> List<T> events(List<ConsumerRecord<String, String>> records, Class<T> type) {
        return records.stream().filter(record -> type.getSimpleName().equals(TopicClient.header(record, "ce_type")))
                .map(record -> {
                    try {
                        return EventJson.mapper().readValue(record.value(), type);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
