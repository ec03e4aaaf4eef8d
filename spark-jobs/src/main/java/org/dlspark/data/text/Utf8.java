package org.dlspark.data.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.dlspark.data.DataFormatException;

/** Strict UTF-8 decoding: malformed bytes are an error naming the file, never silently replaced. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The text of {@code bytes}, read from {@code uri}.
     *
     * @throws DataFormatException naming {@code uri} when the bytes are not UTF-8
     */
    public static String decode(String uri, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(uri + ": not UTF-8 text (" + e.getMessage() + ")", e);
        }
    }
}
