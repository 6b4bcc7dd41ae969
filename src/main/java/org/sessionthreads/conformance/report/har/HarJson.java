package org.sessionthreads.conformance.report.har;

import com.fasterxml.jackson.annotation.JsonInclude;

import de.sstoehr.harreader.HarReaderMode;
import de.sstoehr.harreader.jackson.MapperFactory;
import de.sstoehr.harreader.model.HarPostData;
import de.sstoehr.harreader.model.HarRequest;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper {@code exchanges.har} is written with: the HAR library's, except that a request without a body
 * has no {@code postData} (the library's model always has one, and HAR 1.2 requires a {@code mimeType} in it).
 */
final class HarJson implements MapperFactory {
    @Override
    public ObjectMapper instance(HarReaderMode mode) {
        return instance();
    }

    @Override
    public ObjectMapper instance() {
        return JsonMapper.builder().addMixIn(HarRequest.class, WithoutEmptyPostData.class).build();
    }

    /** Leaves out a {@code postData} without a body ({@link NoBody}). */
    abstract static class WithoutEmptyPostData {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoBody.class)
        abstract HarPostData postData();
    }

    /** Jackson's value filter: "equal" to the values to leave out, a post data with neither type nor text. */
    static final class NoBody {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof HarPostData data && data.mimeType() == null
                    && data.text() == null;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
