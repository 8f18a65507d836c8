package io.kamplatform.account.domain;

/** The supplier functions that make a key account team multi-functional. */
public enum TeamFunction {
    SALES, TECHNICAL, SERVICE, FINANCE, MANAGEMENT, LOGISTICS, MARKETING, PRODUCT, OTHER
}
