package org.dlspark.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dlspark.data.DataFormatException;
import org.dlspark.io.Json;
import org.dlspark.model.ModelInputs;

/**
 * Reads the body of a {@code POST /predict}: a PNG image ({@code Content-Type: image/png}), or JSON, {@code
 * {"pixels": [...]}} with the image's grey values 0..255 row by row, or {@code {"text": "..."}} for a text model.
 * Bodies are read up to the size limit and no further.
 */
final class RequestDecoder {

    /** One decoded input: an image's pixels or a text. */
    record Input(byte[] image, String text) {
    }

    /** A body over the size limit. */
    static final class TooLargeException extends Exception {
        TooLargeException(String message) {
            super(message);
        }
    }

    private final ModelInputs inputs;
    private final int maxBodyBytes;

    RequestDecoder(ModelInputs inputs, int maxBodyBytes) {
        this.inputs = inputs;
        this.maxBodyBytes = maxBodyBytes;
    }

    Input decode(String contentType, String contentLength, InputStream body) throws IOException,
            TooLargeException {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > maxBodyBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new DataFormatException("Content-Length '" + contentLength + "' is not a number");
            }
        }
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw new DataFormatException("empty body: POST a PNG image or JSON");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("image/")) {
            if (!inputs.takesImages()) {
                throw new DataFormatException("this model classifies texts: POST {\"text\": \"...\"}");
            }
            return new Input(inputs.image(bytes, "the request body"), null);
        }
        if (type.startsWith("application/json")) {
            return json(bytes);
        }
        throw new DataFormatException("Content-Type '" + contentType + "' is not accepted: image/png or "
                + "application/json");
    }

    private Input json(byte[] bytes) {
        Map<?, ?> document;
        try {
            document = Json.parse(new String(bytes, StandardCharsets.UTF_8), Map.class);
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException("the body is not a JSON object: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (inputs.takesImages()) {
            if (!(document.get("pixels") instanceof List<?> values)) {
                throw new DataFormatException("an image model takes {\"pixels\": [" + inputs.pixelsPerImage()
                        + " grey values 0..255]}");
            }
            if (values.size() != inputs.pixelsPerImage()) {
                throw new DataFormatException("'pixels' has " + values.size() + " values; the model takes "
                        + inputs.pixelsPerImage());
            }
            byte[] pixels = new byte[values.size()];
            for (int i = 0; i < pixels.length; i++) {
                if (!(values.get(i) instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 255) {
                    throw new DataFormatException("'pixels'[" + i + "] is not a number 0..255");
                }
                pixels[i] = (byte) Math.round(n.doubleValue());
            }
            return new Input(pixels, null);
        }
        if (!(document.get("text") instanceof String text)) {
            throw new DataFormatException("a text model takes {\"text\": \"...\"}");
        }
        return new Input(null, text);
    }

    private TooLargeException tooLarge() {
        return new TooLargeException("the body is over the limit of " + maxBodyBytes + " bytes");
    }
}
