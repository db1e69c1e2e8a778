"""Files: project files, content, export. Imports no Qt."""
