package dev.photosearch.index.solr;

import java.io.IOException;
import org.apache.solr.common.SolrException;

/** A Solr node answered and refused the request itself; sending it to another node would not help. */
final class SolrRefusedException extends IOException {

    SolrRefusedException(String message, SolrException cause) {
        super(message, cause);
    }

    /** Whether a {@code _version_} condition failed: another writer changed the photo first (409). */
    boolean conflict() {
        return ((SolrException) getCause()).code() == SolrException.ErrorCode.CONFLICT.code;
    }
}
