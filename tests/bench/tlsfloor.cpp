// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
//
// bench_ingest_load --mode tls-floor: the floor for connect-storm. Full TLS handshakes between two
// OpenSSL objects joined by a BIO pair (no sockets, no event loop, no Qt), client and server CPU
// timed apart, with one shared server SSL_CTX and with a new SSL_CTX per connection.

#include <cstdio>
#include <ctime>
#include <string>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include "ingestload.h"

namespace d4::bench {

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

} // namespace

int runTlsFloor(const Options &o)
{
    BIO *file = BIO_new_file(o.certificate.c_str(), "r");
    X509 *certificate = file ? PEM_read_bio_X509(file, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(file);
    file = BIO_new_file(o.privateKey.c_str(), "r");
    EVP_PKEY *key = file ? PEM_read_bio_PrivateKey(file, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(file);
    if (!certificate || !key) {
        die("cannot read the certificate or key: " + sslErrorText());
    }
    auto serverContext = [&] {
        SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
        if (!ctx || SSL_CTX_use_certificate(ctx, certificate) != 1 || SSL_CTX_use_PrivateKey(ctx, key) != 1 ||
            SSL_CTX_check_private_key(ctx) != 1) {
            die("server SSL_CTX: " + sslErrorText());
        }
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
        return ctx;
    };
    SSL_CTX *client = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(client, TLS1_2_VERSION);
    SSL_CTX_set_verify(client, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_session_cache_mode(client, SSL_SESS_CACHE_OFF);
    SSL_CTX *shared = serverContext();
    const int count = o.sensors;
    for (const bool freshContext : {false, true}) {
        double clientCpu = 0;
        double serverCpu = 0;
        const auto start = Clock::now();
        for (int i = 0; i < count; ++i) {
            double mark = threadCpuSeconds();
            SSL_CTX *ctx = freshContext ? serverContext() : shared;
            SSL *server = SSL_new(ctx);
            double now = threadCpuSeconds();
            serverCpu += now - mark;
            mark = now;
            SSL *peer = SSL_new(client);
            BIO *serverEnd = nullptr;
            BIO *clientEnd = nullptr;
            BIO_new_bio_pair(&serverEnd, 0, &clientEnd, 0);
            SSL_set_bio(peer, clientEnd, clientEnd);
            SSL_set_connect_state(peer);
            now = threadCpuSeconds();
            clientCpu += now - mark;
            SSL_set_bio(server, serverEnd, serverEnd);
            SSL_set_accept_state(server);
            bool clientDone = false;
            bool serverDone = false;
            for (int round = 0; round < 20 && !(clientDone && serverDone); ++round) {
                mark = threadCpuSeconds();
                clientDone = clientDone || SSL_do_handshake(peer) == 1;
                now = threadCpuSeconds();
                clientCpu += now - mark;
                mark = now;
                serverDone = serverDone || SSL_do_handshake(server) == 1;
                now = threadCpuSeconds();
                serverCpu += now - mark;
            }
            if (!clientDone || !serverDone) {
                die("in-memory handshake failed: " + sslErrorText());
            }
            mark = threadCpuSeconds();
            SSL_free(peer);
            now = threadCpuSeconds();
            clientCpu += now - mark;
            mark = now;
            SSL_free(server);
            if (freshContext) {
                SSL_CTX_free(ctx);
            }
            serverCpu += threadCpuSeconds() - mark;
        }
        const double wall = secondsBetween(start, Clock::now());
        std::printf("result mode=tls-floor server_context=%s handshakes=%d seconds=%.3f client_ms=%.3f "
                    "server_ms=%.3f "
                    "server_handshakes_per_core_second=%.0f both_sides_per_core_second=%.0f\n",
                    freshContext ? "per-connection" : "shared", count, wall, clientCpu * 1000 / count,
                    serverCpu * 1000 / count, serverCpu > 0 ? count / serverCpu : 0.0,
                    clientCpu + serverCpu > 0 ? count / (clientCpu + serverCpu) : 0.0);
    }
    SSL_CTX_free(shared);
    SSL_CTX_free(client);
    EVP_PKEY_free(key);
    X509_free(certificate);
    return 0;
}

} // namespace d4::bench
