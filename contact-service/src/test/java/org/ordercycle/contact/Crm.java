package org.ordercycle.contact;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.EventJson;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

/** The CRM's API as the tests call it, and what it published on contact.customers. */
public final class Crm {

    public static final String CRM = TestInfra.jwt().token("carla", Duration.ofHours(1), "crm");
    public static final String SALES = TestInfra.jwt().token("sam", Duration.ofHours(1), "sales");
    public static final String SERVICE = TestInfra.jwt().token("sina", Duration.ofHours(1), "service");
    public static final String BILLING = TestInfra.jwt().token("bianca", Duration.ofHours(1), "billing");

    private Crm() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static ValidatableResponse post(String path, String json) {
        return as(CRM).body(json).post(path).then();
    }

    public static ValidatableResponse put(String path, String json) {
        return as(CRM).body(json).put(path).then();
    }

    public static ValidatableResponse get(String path) {
        return as(CRM).get(path).then();
    }

    /** Registers and answers the new party's id (from the Location). */
    public static UUID created(ValidatableResponse response) {
        String location = response.statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    public static UUID organization(String json) {
        return created(post("/organizations", json));
    }

    public static UUID person(String json) {
        return created(post("/persons", json));
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer event as published: its type and its JSON. */
    public record Published(String type, JsonNode json) {
    }

    /** Everything contact.customers holds for the party, oldest first. */
    public static List<Published> published(UUID party) {
        return TopicClient.readAll("contact.customers").stream().filter(record -> party.toString().equals(record.key()))
                .map(record -> {
                    try {
                        return new Published(TopicClient.header(record, "ce_type"),
                                EventJson.mapper().readTree(record.value()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
