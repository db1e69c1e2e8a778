; Inno Setup script: Kompetencedialog for one user, without administrator rights.
; Build after scripts/build_bundle.sh (from the repository root, in a Windows shell):
;   iscc /DAppVersion=0.2.0 packaging\windows\kompetencedialog.iss
; The workflow passes the package version (python packaging/version.py). The result is
; dist\kompetencedialog-<version>-windows-setup.exe.
;
; Per user: the program goes to %LOCALAPPDATA%\Programs\Kompetencedialog, the start-menu entry to
; the user's own start menu, and the .kdlg association to HKEY_CURRENT_USER\Software\Classes, so
; a facilitator on a locked-down laptop installs it without asking IT.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Kompetencedialog"
#define AppExe "kompetencedialog.exe"
#define ProgId "Kompetencedialog.Workshop"

[Setup]
AppId={{2BDDD2FB-0D90-49EC-BA21-F9DB60DCEB2D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kompetencedialog
VersionInfoVersion={#AppVersion}
; Never elevate: no UAC prompt, everything below lands in the user's own folders and registry.
PrivilegesRequired=lowest
; {autopf} is %LOCALAPPDATA%\Programs when the installer runs without administrator rights.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=kompetencedialog-{#AppVersion}-windows-setup
SetupIconFile=packaging\windows\kompetencedialog.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy keeps its files locked; Restart Manager asks to close it first.
CloseApplications=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "Opret et ikon på skrivebordet"; GroupDescription: "Ekstra ikoner:"; Flags: unchecked

[Files]
Source: "dist\kompetencedialog\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Dialogplader, dialogkort og post-its til Kompetencedialogen"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .kdlg opens in the program: a ProgID and the extension, for this user only (HKCU).
Root: HKCU; Subkey: "Software\Classes\.kdlg"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.kdlg\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Kompetencedialog-workshop"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".kdlg"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName} nu"; Flags: nowait postinstall skipifsilent
