package org.reconsim.models.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The named members of one open family (mechanisms, memory models, drugs, analyses, dataset
 * formats), as Caffeine's simulator registers its policies: the built-in members, then those of
 * every provider found by {@link ServiceLoader} on the class path, in class-path order. Immutable
 * once made; a family's registry class makes it once, on first use (holder idiom).
 *
 * @param <T> the registration type, named in scenario files by its {@link Named#label()}
 */
public final class Registry<T extends Named> {

    private final List<T> members;

    private Registry(List<T> members) {
        this.members = List.copyOf(members);
    }

    /**
     * The built-in members and the providers' ones. Two members may not share a label, nor a
     * value of {@code identity} (e.g. their parameters record), which would make a scenario
     * section ambiguous.
     *
     * @param family    the family's name in error messages ("mechanism registered twice: ...")
     * @param builtIn   the built-in members, first and in this order
     * @param provider  the provider interface listed in META-INF/services
     * @param membersOf what a provider registers
     * @param identity  a second key that must be unique (return the member itself when the label is enough)
     */
    public static <T extends Named, P> Registry<T> load(String family, List<? extends T> builtIn, Class<P> provider,
                                                        Function<P, List<? extends T>> membersOf, Function<T, ?> identity) {
        List<T> all = new ArrayList<>();
        builtIn.forEach(m -> add(family, all, m, identity));
        for (P p : ServiceLoader.load(provider, provider.getClassLoader())) {
            membersOf.apply(p).forEach(m -> add(family, all, m, identity));
        }
        return new Registry<>(all);
    }

    private static <T extends Named> void add(String family, List<T> all, T m, Function<T, ?> identity) {
        for (T o : all) {
            if (o.label().equals(m.label()) || identity.apply(o).equals(identity.apply(m))) {
                throw new IllegalStateException(family + " registered twice: " + m.label());
            }
        }
        all.add(m);
    }

    /** Every member, built-in ones first. */
    public List<T> all() {
        return members;
    }

    public Optional<T> byLabel(String label) {
        return members.stream().filter(m -> m.label().equals(label)).findFirst();
    }

    /** Position in the registry: the order of composition, tables and documentation. */
    public int indexOf(T member) {
        return members.indexOf(member);
    }
}
