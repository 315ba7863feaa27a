#pragma once
// Talking to a learning record store over HTTP (xAPI 1.0.3 §7, README "xapi push"): POST a batch
// to <endpoint>/statements and GET one statement by id, with Basic auth and the
// X-Experience-API-Version header. libcurl lives only in this module (only the CLI links it).
#include <string>

namespace trainer::xapi {

// What came back from one request. status 0: no HTTP answer at all (refused connection, DNS,
// TLS, or no answer within the timeout; `error` says which).
struct HttpAnswer {
    long status = 0;
    std::string body;
    std::string error;     // libcurl's message when status == 0
    bool timed_out = false;
};

// The requests the push makes; the tests' fakes and the real client implement it.
class LrsTransport {
public:
    virtual ~LrsTransport() = default;
    // POST <endpoint>/statements with a JSON array.
    virtual HttpAnswer post_statements(const std::string& json_array) = 0;
    // GET <endpoint>/statements?statementId=<id>.
    virtual HttpAnswer get_statement(const std::string& id) = 0;
};

struct LrsCredentials {
    std::string key;    // Basic auth user name (the LRS client's key)
    std::string secret; // Basic auth password
};

// The real client (libcurl). endpoint: the LRS's xAPI base URL without a trailing slash.
class CurlLrs final : public LrsTransport {
public:
    CurlLrs(std::string endpoint, LrsCredentials credentials, long timeout_ms);
    ~CurlLrs() override;
    CurlLrs(const CurlLrs&) = delete;
    CurlLrs& operator=(const CurlLrs&) = delete;
    HttpAnswer post_statements(const std::string& json_array) override;
    HttpAnswer get_statement(const std::string& id) override;

private:
    HttpAnswer perform(const std::string& url, const std::string* body);
    std::string endpoint_;
    LrsCredentials credentials_;
    long timeout_ms_;
    void* curl_ = nullptr; // CURL*, reused so a batch run keeps one connection
};

} // namespace trainer::xapi
