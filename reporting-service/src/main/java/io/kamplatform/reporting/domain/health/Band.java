package io.kamplatform.reporting.domain.health;

/** Traffic-light band of a health score. */
public enum Band {
    GREEN, AMBER, RED
}
