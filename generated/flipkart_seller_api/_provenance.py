# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
"""Where this generated client came from. Written by scripts/regenerate.py; do not edit."""

CONVERTER = "swagger2openapi 7.0.8"
GENERATOR = "openapi-python-client 0.29.1"
SHA256 = "e58380edace7dba450299c95142ab7bf792a12d484f75f2f273705b08e5463d5"
SOURCE = "../shared/flipkart-api/sandbox-swagger.json"
