#include "web/pathguard.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace mpsim::app {

namespace {

GuardedPath refused(const QString &problem)
{
    return {QString(), problem};
}

} // namespace

GuardedPath resolveInsideRoot(const QString &root, const QString &urlPath)
{
    if (urlPath.contains(QChar(u'\0')) || urlPath.contains(u'\\'))
        return refused(u"invalid character in path"_s);
    const QStringList segments = urlPath.split(u'/', Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return refused(u"no file named"_s);
    for (const QString &segment : segments) {
        if (segment == ".."_L1 || segment == "."_L1)
            return refused(u"relative segment in path"_s);
    }

    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        return refused(u"root folder does not exist"_s);
    const QFileInfo file(canonicalRoot + u'/' + segments.join(u'/'));
    // canonicalFilePath() resolves every symlink, so a link that points out
    // of the root is caught by the prefix check below.
    const QString real = file.canonicalFilePath();
    if (real.isEmpty())
        return refused(u"no such file"_s);
    if (!real.startsWith(canonicalRoot + u'/'))
        return refused(u"leaves the root folder"_s);
    if (!QFileInfo(real).isFile())
        return refused(u"not a file"_s);
    return {real, QString()};
}

} // namespace mpsim::app
