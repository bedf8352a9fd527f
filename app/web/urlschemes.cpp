#include "web/urlschemes.h"

#include <QWebEngineUrlScheme>

namespace mpsim::app {

void registerUrlSchemes()
{
    QWebEngineUrlScheme scheme(SimulatorScheme);
    // Host syntax makes it a standard URL: Chromium normalises the path and
    // gives each host its own origin.
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure: pages get secure-context APIs, as on a device. CorsEnabled lets
    // module scripts and workers load from the runtime host.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::CorsEnabled
                    | QWebEngineUrlScheme::LocalAccessAllowed
                    | QWebEngineUrlScheme::ContentSecurityPolicyIgnored);
    QWebEngineUrlScheme::registerScheme(scheme);
}

namespace {

QUrl urlFor(const char *host, const QString &path)
{
    QUrl url;
    url.setScheme(QString::fromLatin1(SimulatorScheme));
    url.setHost(QString::fromLatin1(host));
    url.setPath(path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path);
    return url;
}

} // namespace

QUrl projectUrl(const QString &path)
{
    return urlFor(ProjectHost, path);
}

QUrl runtimeUrl(const QString &path)
{
    return urlFor(RuntimeHost, path);
}

} // namespace mpsim::app
