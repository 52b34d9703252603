package org.energychain.supervision.generate;

import java.util.Locale;
import java.util.Map;

/**
 * A representative latitude and longitude (degrees, north and east positive) for a region name: Chinese
 * provinces and a few other places are known; any other name gets a stable location in China's latitude
 * and longitude band derived from its hash, so that the same name always lies in the same place.
 */
public record RegionLocation(double latitude, double longitude) {
    private static final Map<String, double[]> KNOWN = Map.ofEntries(
            Map.entry("beijing", new double[] {39.9, 116.4}),
            Map.entry("hebei", new double[] {38.0, 114.5}),
            Map.entry("shanxi", new double[] {37.9, 112.6}),
            Map.entry("inner mongolia", new double[] {40.8, 111.7}),
            Map.entry("neimenggu", new double[] {40.8, 111.7}),
            Map.entry("qinghai", new double[] {36.6, 101.8}),
            Map.entry("gansu", new double[] {36.1, 103.8}),
            Map.entry("ningxia", new double[] {38.5, 106.3}),
            Map.entry("xinjiang", new double[] {43.8, 87.6}),
            Map.entry("tibet", new double[] {29.7, 91.1}),
            Map.entry("xizang", new double[] {29.7, 91.1}),
            Map.entry("sichuan", new double[] {30.7, 104.1}),
            Map.entry("yunnan", new double[] {25.0, 102.7}),
            Map.entry("guizhou", new double[] {26.6, 106.7}),
            Map.entry("hubei", new double[] {30.6, 114.3}),
            Map.entry("hunan", new double[] {28.2, 113.0}),
            Map.entry("guangdong", new double[] {23.1, 113.3}),
            Map.entry("guangxi", new double[] {22.8, 108.3}),
            Map.entry("fujian", new double[] {26.1, 119.3}),
            Map.entry("zhejiang", new double[] {30.3, 120.2}),
            Map.entry("jiangsu", new double[] {32.1, 118.8}),
            Map.entry("shanghai", new double[] {31.2, 121.5}),
            Map.entry("shandong", new double[] {36.7, 117.0}),
            Map.entry("henan", new double[] {34.8, 113.7}),
            Map.entry("anhui", new double[] {31.9, 117.3}),
            Map.entry("jiangxi", new double[] {28.7, 115.9}),
            Map.entry("liaoning", new double[] {41.8, 123.4}),
            Map.entry("jilin", new double[] {43.9, 125.3}),
            Map.entry("heilongjiang", new double[] {45.8, 126.5}),
            Map.entry("shaanxi", new double[] {34.3, 108.9}),
            Map.entry("hainan", new double[] {20.0, 110.3}),
            Map.entry("chongqing", new double[] {29.6, 106.5}));

    public static RegionLocation of(String region) {
        double[] known = KNOWN.get(region.trim().toLowerCase(Locale.ROOT));
        if (known != null) {
            return new RegionLocation(known[0], known[1]);
        }
        int h = region.hashCode();
        double lat = 22 + Math.floorMod(h, 2400) / 100.0;          // 22..46 N
        double lon = 90 + Math.floorMod(h >>> 12, 3500) / 100.0;   // 90..125 E
        return new RegionLocation(lat, lon);
    }
}
