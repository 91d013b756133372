"""Flipkart Marketplace Seller API: token lifecycle, retries and pagination over a generated client."""
