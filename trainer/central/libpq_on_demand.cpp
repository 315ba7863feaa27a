// libpq, loaded the first time a desk talks to the central store (README "Search", "Kiosk
// memory and start-up"; bench/results.md, session 7).
//
// Linking libpq pulls some twenty libraries into every process (OpenSSL, GnuTLS, Kerberos,
// LDAP, SASL, p11-kit), whose relocations and constructors cost the kiosk about 5 MiB and part
// of its start-up even when no central store is configured. So the binaries link no libpq:
// the libpq functions trainer/central/pg.cpp calls are defined here, with libpq-fe.h's own
// prototypes, and forward to libpq.so.5 opened with dlopen on the first call. pg.cpp is
// unchanged. When libpq cannot be opened, connecting throws a CentralError naming the
// library and the loader's reason; no other function can be reached without a connection.
#include "trainer/central/pg.hpp"

#include <dlfcn.h>
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {
namespace libpq_on_demand {

constexpr const char* kLibrary = "libpq.so.5";

struct Library {
    void* handle = nullptr;
    std::string problem; // why it could not be opened
};

const Library& library() {
    static const Library lib = [] {
        Library l;
        l.handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
        if (!l.handle) {
            const char* why = dlerror();
            l.problem = why ? why : "unknown reason";
        }
        return l;
    }();
    return lib;
}

// The libpq function `name`, resolved once; F is its pointer type from libpq-fe.h. Reached
// only with a connection or result, i.e. after the library opened: a missing symbol is a
// broken installation, reported and fatal.
template <auto* Ours> auto resolve(const char* name) {
    using Fn = decltype(Ours);
    static const Fn fn = [name] {
        const Library& l = library();
        void* sym = l.handle ? dlsym(l.handle, name) : nullptr;
        if (!sym) {
            std::fprintf(stderr, "trainer: %s has no %s (%s)\n", kLibrary, name,
                         l.handle ? "a libpq older than 10?" : l.problem.c_str());
            std::abort();
        }
        return reinterpret_cast<Fn>(sym);
    }();
    return fn;
}

} // namespace libpq_on_demand
} // namespace

#define TRAINER_PQ(name) libpq_on_demand::resolve<&name>(#name)

extern "C" {

PGconn* PQconnectdbParams(const char* const* keywords, const char* const* values,
                          int expand_dbname) {
    if (!libpq_on_demand::library().handle)
        throw trainer::central::CentralError(
            trainer::central::ErrorKind::other, "",
            std::string("cannot connect to the central store: ") + libpq_on_demand::kLibrary +
                " could not be loaded (install libpq5): " + libpq_on_demand::library().problem);
    return TRAINER_PQ(PQconnectdbParams)(keywords, values, expand_dbname);
}
void PQfinish(PGconn* conn) {
    TRAINER_PQ(PQfinish)(conn);
}
ConnStatusType PQstatus(const PGconn* conn) {
    return TRAINER_PQ(PQstatus)(conn);
}
char* PQerrorMessage(const PGconn* conn) {
    return TRAINER_PQ(PQerrorMessage)(conn);
}
char* PQuser(const PGconn* conn) {
    return TRAINER_PQ(PQuser)(conn);
}
char* PQdb(const PGconn* conn) {
    return TRAINER_PQ(PQdb)(conn);
}
int PQsocket(const PGconn* conn) {
    return TRAINER_PQ(PQsocket)(conn);
}
int PQconsumeInput(PGconn* conn) {
    return TRAINER_PQ(PQconsumeInput)(conn);
}
PGnotify* PQnotifies(PGconn* conn) {
    return TRAINER_PQ(PQnotifies)(conn);
}
void PQfreemem(void* ptr) {
    TRAINER_PQ(PQfreemem)(ptr);
}

PGresult* PQexec(PGconn* conn, const char* query) {
    return TRAINER_PQ(PQexec)(conn, query);
}
PGresult* PQexecParams(PGconn* conn, const char* command, int nParams, const Oid* paramTypes,
                       const char* const* paramValues, const int* paramLengths,
                       const int* paramFormats, int resultFormat) {
    return TRAINER_PQ(PQexecParams)(conn, command, nParams, paramTypes, paramValues, paramLengths,
                                    paramFormats, resultFormat);
}
PGresult* PQgetResult(PGconn* conn) {
    return TRAINER_PQ(PQgetResult)(conn);
}
void PQclear(PGresult* res) {
    TRAINER_PQ(PQclear)(res);
}
ExecStatusType PQresultStatus(const PGresult* res) {
    return TRAINER_PQ(PQresultStatus)(res);
}
char* PQresultErrorMessage(const PGresult* res) {
    return TRAINER_PQ(PQresultErrorMessage)(res);
}
char* PQresultErrorField(const PGresult* res, int fieldcode) {
    return TRAINER_PQ(PQresultErrorField)(res, fieldcode);
}
int PQntuples(const PGresult* res) {
    return TRAINER_PQ(PQntuples)(res);
}
char* PQgetvalue(const PGresult* res, int row, int col) {
    return TRAINER_PQ(PQgetvalue)(res, row, col);
}
int PQgetlength(const PGresult* res, int row, int col) {
    return TRAINER_PQ(PQgetlength)(res, row, col);
}
int PQgetisnull(const PGresult* res, int row, int col) {
    return TRAINER_PQ(PQgetisnull)(res, row, col);
}

int PQputCopyData(PGconn* conn, const char* buffer, int nbytes) {
    return TRAINER_PQ(PQputCopyData)(conn, buffer, nbytes);
}
int PQputCopyEnd(PGconn* conn, const char* errormsg) {
    return TRAINER_PQ(PQputCopyEnd)(conn, errormsg);
}
int PQgetCopyData(PGconn* conn, char** buffer, int async) {
    return TRAINER_PQ(PQgetCopyData)(conn, buffer, async);
}
char* PQescapeLiteral(PGconn* conn, const char* str, size_t len) {
    return TRAINER_PQ(PQescapeLiteral)(conn, str, len);
}
char* PQescapeIdentifier(PGconn* conn, const char* str, size_t len) {
    return TRAINER_PQ(PQescapeIdentifier)(conn, str, len);
}

} // extern "C"

#undef TRAINER_PQ
