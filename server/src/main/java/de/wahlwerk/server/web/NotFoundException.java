package de.wahlwerk.server.web;

/** The requested object does not exist (or is not visible, which looks the same from outside). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
