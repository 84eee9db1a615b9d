package dev.photosearch.index.solr;

import java.io.IOException;

/** A Solr node answered and refused the request itself; sending it to another node would not help. */
final class SolrRefusedException extends IOException {

    SolrRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
