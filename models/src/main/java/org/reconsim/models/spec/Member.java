package org.reconsim.models.spec;

/**
 * A registered member of an open family (a {@link Registry}'s registration record): named in
 * files by its kebab-case {@link #label()}, which is also its {@link #name()}.
 */
public interface Member extends Named {

    @Override
    String label();

    @Override
    default String name() {
        return label();
    }

    /** {@code label} if it is kebab-case (lower-case letters, digits, '-'); IllegalArgumentException naming the family otherwise. */
    static String kebab(String family, String label) {
        if (label == null || !label.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(family + " label must be kebab-case: " + label);
        }
        return label;
    }
}
