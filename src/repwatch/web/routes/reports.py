"""The reports pages and their /api/v1 routes."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
