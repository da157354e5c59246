using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoachBot.Testing.Identity;

/// <summary>
/// A CA and a server certificate for 127.0.0.1 it signed, as PEM files (what Azurite, OpenSSL and SSL_CERT_FILE read)
/// and as a certificate with its key (what Kestrel serves).
/// </summary>
public static class TestCertificates
{
    public static (string CaPath, string CertificatePath, string KeyPath, X509Certificate2 Server) Write(string directory)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=CoachBot test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var signed = request.Create(ca, now.AddHours(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        var server = signed.CopyWithPrivateKey(key);

        var caPath = Path.Combine(directory, "ca.pem");
        var certificatePath = Path.Combine(directory, "server.pem");
        var keyPath = Path.Combine(directory, "server.key");
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        File.WriteAllText(certificatePath, server.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (caPath, certificatePath, keyPath, server);
    }

    /// <summary>A handler that trusts the system's roots and, besides them, exactly <paramref name="serverCertificate"/>.</summary>
    public static HttpClientHandler Trusting(X509Certificate2 serverCertificate) => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            certificate is not null && (errors == SslPolicyErrors.None || certificate.Thumbprint == serverCertificate.Thumbprint),
    };
}
