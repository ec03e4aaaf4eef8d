package org.dlspark.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** DLSpark's JSON: writes pretty documents and JSON Lines, parses records. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Writes {@code value} as a pretty-printed JSON document. */
    public static void write(Path file, Object value) throws IOException {
        MAPPER.writeValue(file.toFile(), value);
    }

    /** Appends {@code value} as one line of JSON. */
    public static void appendLine(Path file, Object value) throws IOException {
        String line = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Parses JSON {@code text} into a {@code type}. */
    public static <T> T parse(String text, Class<T> type) throws IOException {
        return MAPPER.readValue(text, type);
    }

    /** Parses JSON {@code text} into a {@code type}, e.g. {@link #mapOf}. */
    public static <T> T parse(String text, JavaType type) throws IOException {
        return MAPPER.readValue(text, type);
    }

    /** The type of a JSON object whose values are {@code values}, keys in file order. */
    public static JavaType mapOf(Class<?> values) {
        return MAPPER.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, values);
    }

    /** {@code value} as pretty-printed JSON text. */
    public static String toPrettyText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} as compact JSON text. */
    public static String toText(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
