package org.reconsim.cli;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a longer search override the fixed tries and seed that keep CI fast and deterministic:
 * {@code mvn -B -o -pl cli -am test -Dtest='*PropertiesTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dreconsim.tries=2000 -Dreconsim.seed=random} ({@code reconsim.seed} takes a number or {@code random};
 * a failure prints its seed and the shrunk sample). Annotate a test class with
 * {@code @AddLifecycleHook(PropertySearch.class)} to let it apply there.
 */
public final class PropertySearch implements AroundPropertyHook {

    /** Annotated on a test class, the hook applies to its properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.DIRECT_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty("reconsim.tries", "");
        if (!tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.trim()));
        }
        String seed = System.getProperty("reconsim.seed", "");
        if (!seed.isBlank()) {
            context.attributes().setSeed(seed.trim().equals("random") ? "" : seed.trim());
        }
        return property.execute();
    }
}
