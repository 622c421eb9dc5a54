package org.ordercycle.kit;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Connection settings for the kit's own Kafka clients (relay, topic set-up, health): the broker address and any
 * security settings of the service's {@code kafka.*} configuration, nothing channel-specific.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> kafkaConfig;
    private final String service;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KitConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.service = config.service();
    }

    /** A fresh, modifiable client configuration with {@code client.id} = service name + purpose. */
    public Map<String, Object> config(String purpose) {
        Map<String, Object> client = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (name.equals("bootstrap.servers") || name.startsWith("security.") || name.startsWith("sasl.")
                    || name.startsWith("ssl.")) {
                client.put(name, value);
            }
        });
        client.put("client.id", service + "-" + purpose);
        return client;
    }
}
