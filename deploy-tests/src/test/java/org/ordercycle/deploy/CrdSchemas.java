package org.ordercycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' CRDs (as data, e.g. {@code ../shared/crds}): the {@code openAPIV3Schema} of every served version,
 * by group, version and kind, ready to validate a resource.
 *
 * <p>Validation is strict where the API server is lenient: a structural CRD schema does not forbid unknown fields,
 * and the API server silently drops them (a mistyped {@code replica: 3} would vanish and the default apply). Here
 * every object that lists its properties and does not preserve unknown fields refuses others, as
 * {@code kubectl apply --validate=strict} would.
 */
public final class CrdSchemas {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the CRDs are: system property {@code ordercycle.crds}, else {@code ../shared/crds} beside the project. */
    public static Path directory(Path projectRoot) {
        String configured = System.getProperty("ordercycle.crds");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : projectRoot.resolve("../shared/crds").normalize();
    }

    private final Map<String, Schema> byGroupVersionKind = new HashMap<>();
    private final Map<String, List<String>> servedVersions = new HashMap<>();

    private CrdSchemas() {
    }

    /** The CRDs of every {@code *.yaml} in the folder. */
    public static CrdSchemas load(Path directory) {
        CrdSchemas schemas = new CrdSchemas();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean()) {
                        continue;
                    }
                    String name = version.path("name").asText();
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    strict(schema);
                    schemas.byGroupVersionKind.put(key(group, name, kind),
                            registry.getSchema(JSON.writeValueAsString(schema), InputFormat.JSON));
                    schemas.servedVersions.computeIfAbsent(group + "/" + kind, k -> new java.util.ArrayList<>()).add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    /** Whether a CRD for this kind of the group is known (whatever its versions). */
    public boolean knows(String group, String kind) {
        return servedVersions.containsKey(group + "/" + kind);
    }

    /**
     * What is wrong with the resource by its CRD's schema, one phrase each; empty when it is valid. A version the
     * CRD does not serve is one problem.
     */
    public List<String> validate(Manifest.Document document) {
        Schema schema = byGroupVersionKind.get(key(document.group(), document.version(), document.kind()));
        if (schema == null) {
            return List.of("apiVersion " + document.apiVersion() + " is not served by the " + document.kind()
                    + " CRD (served: " + servedVersions.getOrDefault(document.group() + "/" + document.kind(), List.of())
                    + ")");
        }
        try {
            List<Error> errors = schema.validate(JSON.writeValueAsString(document.tree()), InputFormat.JSON);
            return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<List<String>> servedVersions(String group, String kind) {
        return Optional.ofNullable(servedVersions.get(group + "/" + kind));
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }

    /** additionalProperties: false on every object schema that lists its properties and keeps no unknown fields. */
    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        for (Iterator<JsonNode> properties = object.path("properties").elements(); properties.hasNext(); ) {
            strict(properties.next());
        }
        strict(object.get("items"));
        strict(object.get("additionalProperties"));
        strict(object.get("not"));
        for (String combination : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combination).forEach(CrdSchemas::strict);
        }
    }
}
