// SPDX-License-Identifier: AGPL-3.0-or-later
// SPDX-FileCopyrightText: D4 Console contributors
#include "testcertificate.h"

#include <memory>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "sensor/fingerprint.h"

namespace d4::test {

namespace {

template <typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    // BIO_get_mem_data() without its C-style cast.
    const long size = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension) {
        return false;
    }
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

} // namespace

TestCertificate TestCertificate::generate(const QByteArray &subjectAltName)
{
    TestCertificate out;
    PKey key(EVP_EC_gen("P-256"));
    Cert certificate(X509_new());
    if (!key || !certificate) {
        return out;
    }
    X509 *x = certificate.get();
    unsigned char serial[8] = {};
    RAND_bytes(serial, sizeof(serial));
    serial[0] &= 0x7F;
    std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>> number(BN_bin2bn(serial, sizeof(serial), nullptr));
    X509_set_version(x, X509_VERSION_3);
    BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(x));
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 86400);
    X509_set_pubkey(x, key.get());
    X509_NAME *name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("d4-sensor test"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    // Like `openssl req -x509`: a self-signed CA certificate, usable as its own trust anchor.
    if (!addExtension(x, NID_basic_constraints, "critical,CA:TRUE") ||
        !addExtension(x, NID_subject_key_identifier, "hash") ||
        !addExtension(x, NID_subject_alt_name, subjectAltName.constData()) ||
        X509_sign(x, key.get(), EVP_sha256()) == 0) {
        return out;
    }
    std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>> certBio(BIO_new(BIO_s_mem()));
    std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>> keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certBio.get(), x) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return out;
    }
    sensor::Sha256Fingerprint digest{};
    unsigned int length = 0;
    X509_digest(x, EVP_sha256(), digest.data(), &length);
    out.certificatePem = drain(certBio.get());
    out.privateKeyPem = drain(keyBio.get());
    out.sha256 = sensor::formatFingerprint(digest);
    return out;
}

} // namespace d4::test
