package io.kamplatform.reporting.domain.dependency;

/** The stress test was asked to remove a customer the portfolio does not have in the chosen view. */
public class UnknownCustomerException extends IllegalArgumentException {

    public UnknownCustomerException(String message) {
        super(message);
    }
}
