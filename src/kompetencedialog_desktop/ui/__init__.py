"""The Qt layer: renders the model and turns gestures into undo commands. No workshop logic here."""
