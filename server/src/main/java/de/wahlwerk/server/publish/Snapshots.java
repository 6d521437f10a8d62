package de.wahlwerk.server.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The published pages by path; readers never wait for writers. */
@Component
class Snapshots {

    private final Map<String, PublishedPage> pages = new ConcurrentHashMap<>();

    PublishedPage get(String path) {
        return pages.get(path);
    }

    void put(String path, PublishedPage page) {
        pages.merge(path, page, PublishedPage::replacedBy);
    }
}
