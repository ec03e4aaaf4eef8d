package org.dlspark.zoo;

import java.util.List;

/** A model name that the zoo does not know; the message lists the names it does know. */
public final class UnknownModelException extends IllegalArgumentException {

    /** @param name the name asked for; @param known the registered names */
    public UnknownModelException(String name, List<String> known) {
        super("unknown model '" + name + "'; known models: " + String.join(", ", known));
    }
}
