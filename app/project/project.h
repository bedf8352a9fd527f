#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mpsim::app {

// A saved launch target from project.config.json's condition.miniprogram.list.
struct LaunchCondition
{
    QString id;
    QString name;
    QString pathName; // "pages/index/index"
    QString query;    // "a=1&b=2"
    int scene = 1001;
};

// What mpsim reads of a mini-program project folder (PROJECT-FILES.md).
struct Project
{
    QString root;       // the folder the user opened
    QString appRoot;    // where app.json is (root + miniprogramRoot)
    QString appid;      // TCMPPappid when present, else appid, else "touristappid"
    QString name;       // projectname, else the folder's name
    QString apiVersion; // "v1" / "v2" from app.json, else project.config.json; empty if unset
    QString libVersion; // project.config.json's libVersion (wx.getSystemInfo's SDKVersion); may be empty
    QStringList pages;  // app.json pages, entry first
    QList<LaunchCondition> conditions;

    // The page a launch opens: the first in app.json, empty when there is none.
    QString entryPage() const { return pages.value(0); }
};

// The outcome of loadProject: the project, or one line naming the problem and
// its location ("project.config.json:3:5: invalid JSON: ...").
struct ProjectLoad
{
    Project project;
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Reads `folder`'s project.config.json (optional) and app.json (required).
// Unknown keys are ignored; a file that is not valid JSON, or keys of the
// wrong type, are errors with the file and location.
ProjectLoad loadProject(const QString &folder);

} // namespace mpsim::app
