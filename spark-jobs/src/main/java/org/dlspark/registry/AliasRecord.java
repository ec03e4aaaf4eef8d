package org.dlspark.registry;

/**
 * One move of an alias, a numbered file under {@code aliases/ALIAS/}: the highest number is where the alias points
 * now, the others are its history. Files are only ever added, each written under a temporary name and renamed.
 *
 * @param alias the alias, e.g. {@code production}
 * @param version the version it points to from now on
 * @param previous the version it pointed to before, or 0
 * @param reason why it moved: the promotion gate's verdict
 * @param moved when, ISO-8601
 */
public record AliasRecord(String alias, int version, int previous, String reason, String moved) {
}
