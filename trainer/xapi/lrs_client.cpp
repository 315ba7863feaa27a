#include "trainer/xapi/lrs_client.hpp"

#include <curl/curl.h>

#include <mutex>
#include <stdexcept>

namespace trainer::xapi {
namespace {

size_t collect(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

void global_init_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string escaped(CURL* curl, const std::string& text) {
    char* e = curl_easy_escape(curl, text.c_str(), static_cast<int>(text.size()));
    std::string out = e ? e : "";
    curl_free(e);
    return out;
}

} // namespace

CurlLrs::CurlLrs(std::string endpoint, LrsCredentials credentials, long timeout_ms)
    : endpoint_(std::move(endpoint)), credentials_(std::move(credentials)), timeout_ms_(timeout_ms) {
    global_init_once();
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("cannot start an HTTP client (libcurl)");
}

CurlLrs::~CurlLrs() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpAnswer CurlLrs::post_statements(const std::string& json_array) {
    return perform(endpoint_ + "/statements", &json_array);
}

HttpAnswer CurlLrs::get_statement(const std::string& id) {
    return perform(endpoint_ + "/statements?statementId=" + escaped(static_cast<CURL*>(curl_), id), nullptr);
}

HttpAnswer CurlLrs::perform(const std::string& url, const std::string* body) {
    CURL* c = static_cast<CURL*>(curl_);
    curl_easy_reset(c);
    HttpAnswer answer;
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
    headers = curl_slist_append(headers, "Accept: application/json");
    if (body) headers = curl_slist_append(headers, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    curl_easy_setopt(c, CURLOPT_USERNAME, credentials_.key.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, credentials_.secret.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms_);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms_);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L); // credentials never follow a redirect
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }
    const CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        answer.body.clear();
        answer.error = curl_easy_strerror(rc);
        answer.timed_out = rc == CURLE_OPERATION_TIMEDOUT;
        return answer;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
    return answer;
}

} // namespace trainer::xapi
