package io.kamplatform.reporting.support;

import static io.restassured.RestAssured.given;

/** Reads the service's Prometheus metrics as the scraper sees them. */
public final class Metrics {
    private Metrics() {
    }

    /** The sum of every series of {@code name} (all tag combinations); 0 when there is none yet. */
    public static double sum(String name) {
        return sum(name, "");
    }

    /** The sum of the series of {@code name} whose tags contain {@code tag} (e.g. {@code answered="read"}). */
    public static double sum(String name, String tag) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(tag)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
