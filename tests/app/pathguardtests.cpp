// The URL scheme's path guard: only files inside the project root are served.

#include "catchqt.h"

#include "web/pathguard.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

#include <catch2/catch.hpp>

using namespace mpsim::app;

namespace {

struct Tree
{
    QTemporaryDir dir;
    QString root;
    Tree()
    {
        REQUIRE(dir.isValid());
        root = dir.filePath(QStringLiteral("project"));
        QDir().mkpath(root + QStringLiteral("/pages/index"));
        QDir().mkpath(dir.filePath(QStringLiteral("outside")));
        write(root + QStringLiteral("/pages/index/index.wxml"), "<view/>");
        write(dir.filePath(QStringLiteral("outside/secret.txt")), "secret");
        write(dir.filePath(QStringLiteral("projectevil.txt")), "sibling with a shared prefix");
    }
    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
};

} // namespace

TEST_CASE("path guard: a file inside the root is served")
{
    Tree tree;
    const GuardedPath path = resolveInsideRoot(tree.root, QStringLiteral("/pages/index/index.wxml"));
    CHECK(path.ok());
    CHECK(path.filePath.endsWith(QStringLiteral("/project/pages/index/index.wxml")));
}

TEST_CASE("path guard: .. segments are refused")
{
    Tree tree;
    for (const char *path : {"/../outside/secret.txt", "/pages/../../outside/secret.txt", "/..",
                             "/pages/.."}) {
        INFO(path);
        const GuardedPath guarded = resolveInsideRoot(tree.root, QString::fromLatin1(path));
        CHECK_FALSE(guarded.ok());
        CHECK(guarded.problem == QStringLiteral("relative segment in path"));
    }
}

TEST_CASE("path guard: percent-encoded traversal is refused once decoded")
{
    Tree tree;
    // QUrl::path(FullyDecoded) of "/..%2F..%2Foutside%2Fsecret.txt"
    const QUrl url(QStringLiteral("mpsim://project/..%2F..%2Foutside%2Fsecret.txt"));
    CHECK_FALSE(resolveInsideRoot(tree.root, url.path(QUrl::FullyDecoded)).ok());
    const QUrl dots(QStringLiteral("mpsim://project/%2E%2E/outside/secret.txt"));
    CHECK_FALSE(resolveInsideRoot(tree.root, dots.path(QUrl::FullyDecoded)).ok());
}

TEST_CASE("path guard: absolute paths stay inside the root")
{
    Tree tree;
    // "//etc/passwd" is read as root-relative "etc/passwd", which does not exist.
    CHECK_FALSE(resolveInsideRoot(tree.root, QStringLiteral("//etc/passwd")).ok());
    CHECK_FALSE(resolveInsideRoot(tree.root, tree.dir.filePath(QStringLiteral("outside/secret.txt")))
                    .ok());
}

TEST_CASE("path guard: a symlink leaving the root is refused, one inside is served")
{
    Tree tree;
    REQUIRE(QFile::link(tree.dir.filePath(QStringLiteral("outside/secret.txt")),
                        tree.root + QStringLiteral("/leak.txt")));
    REQUIRE(QFile::link(tree.dir.filePath(QStringLiteral("outside")),
                        tree.root + QStringLiteral("/leakdir")));
    REQUIRE(QFile::link(tree.root + QStringLiteral("/pages/index/index.wxml"),
                        tree.root + QStringLiteral("/alias.wxml")));
    const GuardedPath leak = resolveInsideRoot(tree.root, QStringLiteral("/leak.txt"));
    CHECK_FALSE(leak.ok());
    CHECK(leak.problem == QStringLiteral("leaves the root folder"));
    CHECK_FALSE(resolveInsideRoot(tree.root, QStringLiteral("/leakdir/secret.txt")).ok());
    CHECK(resolveInsideRoot(tree.root, QStringLiteral("/alias.wxml")).ok());
}

TEST_CASE("path guard: a sibling folder sharing the root's prefix is outside")
{
    Tree tree;
    REQUIRE(QFile::link(tree.dir.filePath(QStringLiteral("projectevil.txt")),
                        tree.root + QStringLiteral("/evil.txt")));
    CHECK_FALSE(resolveInsideRoot(tree.root, QStringLiteral("/evil.txt")).ok());
}

TEST_CASE("path guard: backslashes, NUL bytes, folders and missing files are refused")
{
    Tree tree;
    CHECK_FALSE(resolveInsideRoot(tree.root, QStringLiteral("/pages\\index\\index.wxml")).ok());
    CHECK_FALSE(resolveInsideRoot(tree.root, QStringLiteral("/pages/index/index.wxml") + QChar(u'\0'))
                    .ok());
    CHECK(resolveInsideRoot(tree.root, QStringLiteral("/pages")).problem
          == QStringLiteral("not a file"));
    CHECK(resolveInsideRoot(tree.root, QStringLiteral("/nope.js")).problem
          == QStringLiteral("no such file"));
    CHECK_FALSE(resolveInsideRoot(tree.root, QStringLiteral("/")).ok());
    CHECK_FALSE(resolveInsideRoot(tree.dir.filePath(QStringLiteral("missing")),
                                  QStringLiteral("/a.js"))
                    .ok());
}
