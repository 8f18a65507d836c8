package io.kamplatform.account.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one series of the service's Prometheus metrics as the scraper sees them. */
public final class Metrics {
    private Metrics() {
    }

    /** The sample of {@code metric} without labels, or of its first series (0 before it exists). */
    public static double value(String metric) {
        return sample("(\\{[^}]*})?", metric);
    }

    /** The sample of the series of {@code metric} whose labels start with {@code labels} (0 before it exists). */
    public static double value(String metric, String labels) {
        return sample("\\{" + Pattern.quote(labels) + "[^}]*}", metric);
    }

    private static double sample(String labelPattern, String metric) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + labelPattern + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(m.groupCount())) : 0;
    }
}
