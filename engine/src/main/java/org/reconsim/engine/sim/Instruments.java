package org.reconsim.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.reconsim.engine.scenario.Endpoint;
import org.reconsim.engine.scenario.Scenario;

/**
 * The registered instruments, as Caffeine's simulator registers its policies: the built-in scan
 * instruments (ROI activation of amygdala, hippocampus and vmPFC; trauma-script SCR; window
 * connectivity of the three region pairs) and
 * clinical scales (PCL-5, CAPS-5), then those of every {@link InstrumentProvider} on the class
 * path. Their endpoints, numbered in this order, are {@link Endpoint#values()}.
 */
public final class Instruments {

    private static final List<InstrumentType> BUILT_IN = List.of(
            new InstrumentType("scan", "Trauma-minus-relax ROI betas, the trauma-script skin conductance response and "
                    + "trauma-minus-relax window connectivity",
                    List.of(declaration(Endpoint.AMYGDALA), declaration(Endpoint.HIPPOCAMPUS), declaration(Endpoint.VMPFC),
                            declaration(Endpoint.SCR), declaration(Endpoint.AMYGDALA_HIPPOCAMPUS),
                            declaration(Endpoint.HIPPOCAMPUS_VMPFC), declaration(Endpoint.AMYGDALA_VMPFC)),
                    null, null, ScanInstruments::open),
            new InstrumentType("clinical", "PCL-5 self-report and CAPS-5 clinician rating",
                    List.of(declaration(Endpoint.PCL5), declaration(Endpoint.CAPS5)),
                    null, null, ClinicalScales::open));

    private Instruments() {
    }

    private static InstrumentType.EndpointDeclaration declaration(Endpoint e) {
        return new InstrumentType.EndpointDeclaration(e.label(), e.doc());
    }

    /** Holder idiom: providers are looked up once, on first use, and never change after. */
    private static final class All {
        static final List<InstrumentType> TYPES;
        static final List<Endpoint> ENDPOINTS;

        static {
            List<InstrumentType> types = new ArrayList<>(BUILT_IN);
            for (InstrumentProvider p : ServiceLoader.load(InstrumentProvider.class, Instruments.class.getClassLoader())) {
                types.addAll(p.instruments());
            }
            List<Endpoint> endpoints = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (InstrumentType t : types) {
                if (names.contains(t.name())) {
                    throw new IllegalStateException("instrument registered twice: " + t.name());
                }
                names.add(t.name());
                for (InstrumentType.EndpointDeclaration d : t.endpoints()) {
                    if (endpoints.stream().anyMatch(e -> e.label().equals(d.label()))) {
                        throw new IllegalStateException("endpoint " + d.label() + " reported by two instruments");
                    }
                    Endpoint builtIn = Endpoint.builtIn(d.label(), endpoints.size());
                    endpoints.add(builtIn != null ? builtIn : new Endpoint(d.label(), d.doc(), endpoints.size()));
                }
            }
            TYPES = List.copyOf(types);
            ENDPOINTS = List.copyOf(endpoints);
        }
    }

    /** Every registered instrument, built-in ones first. */
    public static List<InstrumentType> all() {
        return All.TYPES;
    }

    /** Every registered endpoint, numbered in registry order. */
    public static List<Endpoint> endpoints() {
        return All.ENDPOINTS;
    }
}
