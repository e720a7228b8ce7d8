#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace arr::emulator {

// The certificate and private key for https, as read from --tls-cert and --tls-key; apart from the
// command line because the https tests read the same files the same way.
struct TlsCredentials
{
    QSslCertificate certificate;
    QSslKey privateKey;
    // Empty when both were read; otherwise names the file and what is wrong with it.
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Reads a PEM (or DER) certificate and an unencrypted PEM (or DER) RSA, EC or DSA private key. When
// the certificate file holds a chain, its first certificate is the server's.
TlsCredentials readTlsCredentials(const QString &certificateFile, const QString &keyFile);

} // namespace arr::emulator
