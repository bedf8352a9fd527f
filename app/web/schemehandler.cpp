#include "web/schemehandler.h"

#include "web/pathguard.h"
#include "web/urlschemes.h"

#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QMimeDatabase>
#include <QWebEngineUrlRequestJob>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

QByteArray mimeTypeFor(const QString &fileName)
{
    // The types the runtime relies on, whatever the system's database says.
    static const QHash<QString, QByteArray> known{
        {u"js"_s, "text/javascript"},   {u"mjs"_s, "text/javascript"},
        {u"json"_s, "application/json"}, {u"html"_s, "text/html"},
        {u"css"_s, "text/css"},          {u"wxml"_s, "text/plain"},
        {u"wxss"_s, "text/css"},         {u"wxs"_s, "text/javascript"},
        {u"svg"_s, "image/svg+xml"},     {u"png"_s, "image/png"},
    };
    const QString suffix = fileName.section(u'.', -1).toLower();
    if (const auto it = known.find(suffix); it != known.end())
        return it.value();
    return QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension).name().toUtf8();
}

} // namespace

SchemeHandler::SchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{}

void SchemeHandler::setProjectRoot(const QString &root)
{
    m_projectRoot = root;
}

void SchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    const QString host = url.host();
    const QString path = url.path(QUrl::FullyDecoded);
    QString filePath;
    QString problem;

    if (job->requestMethod() != "GET") {
        problem = u"only GET is served"_s;
    } else if (host == QLatin1String(ProjectHost)) {
        const GuardedPath guarded = m_projectRoot.isEmpty()
                                        ? GuardedPath{QString(), u"no project is open"_s}
                                        : resolveInsideRoot(m_projectRoot, path);
        filePath = guarded.filePath;
        problem = guarded.problem;
    } else if (host == QLatin1String(RuntimeHost)) {
        // Resources have no symlinks; refuse relative segments all the same.
        if (path.contains(u"/../"_s) || path.contains(u"/./"_s) || path.contains(u'\\'))
            problem = u"relative segment in path"_s;
        else if (QFile::exists(u":/runtime"_s + path) && !path.endsWith(u'/'))
            filePath = u":/runtime"_s + path;
        else
            problem = u"no such runtime file"_s;
    } else if (host == QLatin1String(BuildHost)) {
        const auto it = m_buildFiles.constFind(path.mid(1));
        if (it == m_buildFiles.constEnd()) {
            problem = u"not a compiled file"_s;
        } else {
            auto *buffer = new QBuffer(job);
            buffer->setData(it.value());
            buffer->open(QIODevice::ReadOnly);
            job->reply(mimeTypeFor(path), buffer);
            return;
        }
    } else {
        problem = u"unknown host"_s;
    }

    if (filePath.isEmpty()) {
        emit requestRefused(url, problem);
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto *file = new QFile(filePath, job);
    if (!file->open(QIODevice::ReadOnly)) {
        emit requestRefused(url, file->errorString());
        job->fail(QWebEngineUrlRequestJob::RequestFailed);
        return;
    }
    // The job owns the device and reads it as the page consumes it.
    job->reply(mimeTypeFor(filePath), file);
}

} // namespace mpsim::app
