"""The workshop model: pydantic models and plain functions. Imports no Qt, ever."""
