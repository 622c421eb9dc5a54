package org.ordercycle.kit;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Connection settings for the kit's own Kafka clients (relay, topic set-up, health): the broker address and any
 * security settings of the service's {@code kafka.*} configuration, nothing channel-specific.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> kafkaConfig;
    private final String service;

    /** From the service's {@code kafka.*} configuration; a test may give another broker's address. */
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KitConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.service = config.service();
    }

    /**
     * A fresh, modifiable client configuration with {@code client.id} = service name + purpose. A consumer made with
     * it never makes the broker create a topic ({@code allow.auto.create.topics=false}: topics are the topic set-up's
     * business); producers and admin clients have no such setting, and Kafka lists it as unused for them.
     */
    public Map<String, Object> config(String purpose) {
        Map<String, Object> client = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (name.equals("bootstrap.servers") || name.startsWith("security.") || name.startsWith("sasl.")
                    || name.startsWith("ssl.")) {
                client.put(name, value);
            }
        });
        client.put(CommonClientConfigs.CLIENT_ID_CONFIG, service + "-" + purpose);
        client.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return client;
    }
}
