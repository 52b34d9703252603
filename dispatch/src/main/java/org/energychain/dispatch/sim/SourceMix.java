package org.energychain.dispatch.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.energychain.dispatch.negotiation.SourcePolicy;
import org.energychain.dispatch.plan.CostCurve;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.Unit;
import org.energychain.dispatch.weight.Technology;

/**
 * Simulated sources and demand profiles, reproducible from a seed. The mix (by count): wind onshore 25 %,
 * solar PV 20 %, hydro 15 %, gas 17 %, coal 18 %, nuclear 3 %, biomass 2 %. Offered prices per MWh
 * (currency): wind 30–45, solar 35–50, hydro 40–60, nuclear 50–60, coal 45–60, biomass 65–80, gas 70–90,
 * so a cost-only merit order favours coal over gas and a clean preference moves energy to wind, solar and
 * hydro. Thermal units have a minimum output (coal 40 %, gas 25 %, nuclear 60 %, biomass 30 % of max) and a
 * ramp per interval (coal 10 %, gas 30 %, nuclear 5 %, biomass 15 %, hydro 50 % of max); wind and solar
 * have neither (their availability forecast is not on chain: the policy's max stands for it). Minimum
 * acceptable prices are 90 % of the offered price, except for one thermal unit in five that asks 30 %
 * above its offer: these reject plans that keep them running at a clearing price below that, and the
 * next proposer leaves them out. Social coefficients are uniform in 200,000..1,000,000 ppm.
 */
public final class SourceMix {
    private SourceMix() {
    }

    public static List<SimulatedSource> generate(int count, long seed) {
        if (count < 3) {
            throw new IllegalArgumentException("--sources must be at least 3, got " + count);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<SimulatedSource> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Technology t = technology(rnd);
            long maxKw = switch (t) {
                case COAL -> 200_000 + rnd.nextLong(400_000);
                case GAS -> 50_000 + rnd.nextLong(250_000);
                case NUCLEAR -> 500_000 + rnd.nextLong(500_000);
                case HYDRO -> 20_000 + rnd.nextLong(180_000);
                default -> 10_000 + rnd.nextLong(140_000);
            };
            out.add(source(String.format("s%04d", i + 1), t, maxKw, rnd));
        }
        return out;
    }

    private static Technology technology(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return u < 0.25 ? Technology.WIND_ONSHORE : u < 0.45 ? Technology.SOLAR_PV
                : u < 0.60 ? Technology.HYDRO : u < 0.77 ? Technology.GAS : u < 0.95 ? Technology.COAL
                : u < 0.98 ? Technology.NUCLEAR : Technology.BIOMASS;
    }

    /**
     * The generators of a MATPOWER case as sources (ids G1, G2, … as {@link MatpowerCase#units()}): maximum
     * from PMAX, the offered price from the marginal cost at half output, the technology drawn from the mix
     * (a case has none). Where the case gives PMIN 0 the technology's minimum and ramp of the mix apply.
     */
    public static List<SimulatedSource> fromCase(MatpowerCase c, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<SimulatedSource> out = new ArrayList<>();
        for (Unit u : c.units()) {
            double mid = (u.pMin() + u.pMax()) / 2;
            double price = u.cost() instanceof CostCurve.Quadratic q ? q.marginal(mid)
                    : ((CostCurve.PiecewiseLinear) u.cost()).marginal(mid);
            long maxKw = Math.max(1, Math.round(u.pMax() * 1000));
            SourcePolicy mix = source(u.id(), technology(rnd), maxKw, rnd)
                    .policy();
            long minKw = u.pMin() > 0 ? Math.min(maxKw, Math.round(u.pMin() * 1000)) : mix.minKw();
            long ramp = u.pMin() > 0 ? 0 : mix.rampKw();
            long priceMilli = Math.max(1, Math.round(price * 1000));
            long minPrice = mix.minPriceMilli() > mix.priceMilli() ? priceMilli * 13 / 10 : priceMilli * 9 / 10;
            out.add(new SimulatedSource(u.id(), new SourcePolicy(mix.technology(), minKw, maxKw, ramp, priceMilli,
                    minPrice), 200_000 + rnd.nextLong(800_001)));
        }
        if (out.size() < 3) {
            throw new IllegalArgumentException(c.source() + ": " + out.size() + " generators, a negotiation needs 3");
        }
        return out;
    }

    private static SimulatedSource source(String id, Technology t, long maxKw, SplittableRandom rnd) {
        long price = switch (t) {
            case WIND_ONSHORE -> 30_000 + rnd.nextLong(15_000);
            case SOLAR_PV -> 35_000 + rnd.nextLong(15_000);
            case HYDRO -> 40_000 + rnd.nextLong(20_000);
            case NUCLEAR -> 50_000 + rnd.nextLong(10_000);
            case COAL -> 45_000 + rnd.nextLong(15_000);
            case BIOMASS -> 65_000 + rnd.nextLong(15_000);
            default -> 70_000 + rnd.nextLong(20_000);
        };
        long minPct = switch (t) {
            case COAL -> 40;
            case GAS -> 25;
            case NUCLEAR -> 60;
            case BIOMASS -> 30;
            default -> 0;
        };
        long rampPct = switch (t) {
            case COAL -> 10;
            case GAS -> 30;
            case NUCLEAR -> 5;
            case BIOMASS -> 15;
            case HYDRO -> 50;
            default -> 0;
        };
        boolean demanding = minPct > 0 && rnd.nextInt(5) == 0;
        long minPrice = demanding ? price * 13 / 10 : price * 9 / 10;
        SourcePolicy p = new SourcePolicy(t, maxKw * minPct / 100, maxKw, maxKw * rampPct / 100, price, minPrice);
        return new SimulatedSource(id, p, 200_000 + rnd.nextLong(800_001));
    }

    /**
     * A day's demand in {@code intervals} steps: a base of 60 % of the peak, a morning and an evening hump
     * (peaks at 08:00 and 19:00, the evening one the higher), ±2 % noise, in kW.
     */
    public static List<Long> dailyProfile(int intervals, long peakKw, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Long> out = new ArrayList<>(intervals);
        for (int i = 0; i < intervals; i++) {
            double h = 24.0 * i / intervals;
            double shape = 0.6 + 0.25 * Math.exp(-Math.pow(h - 8, 2) / 8) + 0.4 * Math.exp(-Math.pow(h - 19, 2) / 6);
            double noise = 1 + (rnd.nextDouble() - 0.5) * 0.04;
            out.add(Math.round(peakKw * Math.min(1.0, shape * noise)));
        }
        return out;
    }
}
