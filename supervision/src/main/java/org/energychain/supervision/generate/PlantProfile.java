package org.energychain.supervision.generate;

import java.util.SplittableRandom;
import org.energychain.supervision.reading.Plant;

/**
 * The 15-minute series of one plant: each call of {@link #next} advances one interval and gives active
 * power in MW and the technology's own quantity (irradiance W/m2, wind speed m/s, water flow m3/s, coal
 * t per interval), already rounded to the decimals written to the file.
 */
abstract class PlantProfile {
    final double capMw;
    final SplittableRandom rnd;
    final RegionLocation loc;
    double power;
    double quantity;

    PlantProfile(Plant plant, SplittableRandom rnd) {
        this.capMw = plant.capacityKw().doubleValue() / 1000.0;
        this.rnd = rnd;
        this.loc = RegionLocation.of(plant.region());
    }

    static PlantProfile of(Plant plant, SplittableRandom rnd) {
        switch (plant.type()) {
            case SOLAR: return new Solar(plant, rnd);
            case WIND: return new Wind(plant, rnd);
            case HYDRO: return new Hydro(plant, rnd);
            case THERMAL: return new Thermal(plant, rnd);
            default: throw new IllegalArgumentException(plant.type().toString());
        }
    }

    /** Advances to the interval starting at {@code epochSeconds}; sets {@link #power} and {@link #quantity}. */
    abstract void next(long epochSeconds);

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** AR(1) step keeping a standard normal marginal: correlation {@code rho} between steps. */
    final double ar1(double prev, double rho) {
        return rho * prev + Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
    }

    /** Solar: clear-sky irradiance for the place and day, times a clear-sky index from daily and fast clouds. */
    static final class Solar extends PlantProfile {
        private long day = Long.MIN_VALUE;
        private double dayClearness;
        private double fast;

        Solar(Plant p, SplittableRandom rnd) {
            super(p, rnd);
        }

        @Override
        void next(long t) {
            long d = Math.floorDiv(t, 86400);
            if (d != day) {
                day = d;
                double u = rnd.nextDouble();
                dayClearness = u < 0.55 ? 0.85 + 0.15 * rnd.nextDouble()       // clear day
                        : u < 0.85 ? 0.45 + 0.4 * rnd.nextDouble()              // broken clouds
                        : 0.1 + 0.3 * rnd.nextDouble();                         // overcast
            }
            fast = ar1(fast, 0.8);
            double elev = SolarGeometry.elevationDeg(loc.latitude(), loc.longitude(), t);
            double ghi = SolarGeometry.clearSkyGhi(elev);
            double k = Math.max(0.05, Math.min(1.0, dayClearness + (1 - dayClearness) * 0.3 * fast));
            quantity = round(ghi * k, 1);
            power = quantity <= 0 ? 0 : round(Math.min(capMw, capMw * quantity / 1000.0 * 0.85), 3);
        }
    }

    /**
     * Wind: speed from two AR(1) Gaussian components, |(x, y)| scaled, which is Weibull with shape 2
     * (Rayleigh) and scale 7-8 m/s, correlated over hours; power through {@link WindTurbine}.
     */
    static final class Wind extends PlantProfile {
        private final double scale;
        private double x;
        private double y;

        Wind(Plant p, SplittableRandom rnd) {
            super(p, rnd);
            scale = 7.0 + rnd.nextDouble();
            x = rnd.nextGaussian();
            y = rnd.nextGaussian();
        }

        @Override
        void next(long t) {
            x = ar1(x, 0.985);
            y = ar1(y, 0.985);
            double v = scale / Math.sqrt(2) * Math.sqrt(x * x + y * y);
            quantity = round(v, 2);
            power = round(capMw * WindTurbine.powerFraction(quantity), 3);
        }
    }

    /** Hydro: seasonal flow peaking in summer with slow day-to-day noise; power = rho g Q H eta, capped. */
    static final class Hydro extends PlantProfile {
        private final double designFlow;
        private final double kwPerFlow;
        private double noise;

        Hydro(Plant p, SplittableRandom rnd) {
            super(p, rnd);
            double head = 30 + 90 * rnd.nextDouble();
            kwPerFlow = 1000 * 9.81 * head * 0.9 / 1000.0; // kW per m3/s
            designFlow = capMw * 1000 / kwPerFlow;
        }

        @Override
        void next(long t) {
            int doy = SolarGeometry.dayOfYear(Math.floorDiv(t, 86400));
            noise = ar1(noise, 0.995);
            double seasonal = 0.6 * (1 + 0.6 * Math.sin(2 * Math.PI * (doy - 105) / 365.0));
            double q = Math.max(0.05, designFlow * seasonal * (1 + 0.12 * noise));
            quantity = round(q, 2);
            power = round(Math.min(capMw, quantity * kwPerFlow / 1000.0), 3);
        }
    }

    /**
     * Thermal (coal): follows a daily load shape between its minimum stable load (40%) and full load,
     * limited to ramps of 15% of capacity per interval; a few whole days off for maintenance. Coal from a
     * heat-rate curve: 300 g/kWh at full load, 375 g/kWh at minimum load.
     */
    static final class Thermal extends PlantProfile {
        static final double MIN_LOAD = 0.4;
        static final double RAMP = 0.15;
        private final double minMw;
        private long day = Long.MIN_VALUE;
        private boolean off;
        private double noise;

        Thermal(Plant p, SplittableRandom rnd) {
            super(p, rnd);
            minMw = Math.ceil(capMw * MIN_LOAD * 1000) / 1000;
        }

        @Override
        void next(long t) {
            long d = Math.floorDiv(t, 86400);
            if (d != day) {
                day = d;
                off = rnd.nextDouble() < 0.01;
            }
            if (off) {
                power = 0;
                quantity = 0;
                return;
            }
            double localHours = Math.floorMod(t, 86400) / 3600.0 + loc.longitude() / 15.0;
            double h = localHours % 24;
            double shape = 0.5 + 0.25 * Math.cos(2 * Math.PI * (h - 11) / 24) + 0.15 * Math.cos(4 * Math.PI * (h - 19) / 24);
            noise = ar1(noise, 0.9);
            double target = capMw * (MIN_LOAD + (1 - MIN_LOAD) * Math.max(0, Math.min(1, shape + 0.05 * noise)));
            double prev = power == 0 ? minMw : power;
            double p = Math.max(prev - RAMP * capMw, Math.min(prev + RAMP * capMw, target));
            p = Math.max(minMw, Math.min(capMw, round(p, 3)));
            power = p;
            double load = p / capMw;
            double gramsPerKwh = 300 * (1 + 0.25 * (1 - load) * (1 - load) / 0.36);
            quantity = round(p * 0.25 * gramsPerKwh / 1000.0, 3); // MW * 0.25 h = MWh; MWh * g/kWh / 1000 = t
        }
    }
}
