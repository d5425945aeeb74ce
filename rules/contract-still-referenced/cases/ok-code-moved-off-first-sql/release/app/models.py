from sqlalchemy import Column, BigInteger, Text
from .base import Base


class User(Base):
    __tablename__ = "users"
    id = Column(BigInteger, primary_key=True)
    email_address = Column(Text)
